/** What a page's render keeps on Astro.locals: the answers its handout prints at the end. */
declare namespace App {
  interface Locals {
    handout?: import('./utils/handout.ts').HandoutAnswers;
  }
}
