/** What a page's render keeps on Astro.locals: how many exercises and self-checks it has numbered. */
declare namespace App {
  interface Locals {
    handout?: import('./utils/handout.ts').HandoutCounts;
  }
}
