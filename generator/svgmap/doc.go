// Package svgmap is the world map the site draws coverage on: every
// country's outline as SVG path data, projected and simplified ahead of
// time by internal/build from Natural Earth's shapes, with the UN M49
// region each country lies in, and the scale that shades a country by how
// often it is covered.
package svgmap
