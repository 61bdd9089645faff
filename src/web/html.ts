// A whole HTML page from Hono's JSX: the doctype JSX cannot write, then the page.
import { raw } from "hono/html";

export const htmlPage = (page: unknown) => `${raw("<!doctype html>")}${page}`;
