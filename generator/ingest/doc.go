// Package ingest turns one raw input file (text copied from a news page, a
// saved HTML page or Markdown) into clean Markdown plus what the page says
// about itself: title, date, outlet, canonical URL and breadcrumbs.
package ingest
