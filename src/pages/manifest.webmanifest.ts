/**
 * The web manifest (src/utils/web-manifest.ts), built with the site under its base path, so the
 * course installs with its start page and scope where it is hosted.
 */
import type { APIRoute } from 'astro';
import tokens from '~/styles/tokens.css?raw';
import { webManifest } from '~/utils/web-manifest';

const DESCRIPTION = 'An interactive course on activation functions, loss functions, and how neural networks learn.';

/** The manifest's JSON for BASE_PATH as the build was given it. */
export const GET: APIRoute = () =>
  new Response(webManifest(import.meta.env.BASE_URL, DESCRIPTION, tokens), { headers: { 'Content-Type': 'application/manifest+json' } });
