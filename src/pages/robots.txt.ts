/**
 * robots.txt, built with the site. Crawlers read it only at the host's root, so under a sub-path
 * it matters only if the host copies it there; the deploy guide in the README says so.
 */
import type { APIRoute } from 'astro';
import { robotsText } from '~/utils/site-url';

/** The file's text, from SITE_URL and BASE_PATH as the build was given them. */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsText(site, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
