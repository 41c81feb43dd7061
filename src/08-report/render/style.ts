/**
 * The stylesheet of narrascope's HTML pages, inlined in each page (the CSP allows no external
 * stylesheet). Shared by the report page and the stand-alone drift page.
 */

/** CSS of the report page: tables, narrative cards, coverage matrix, highlighted claims. */
export const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:80rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f2f7}.score{font-size:1.4rem}.small{font-size:.85rem;color:#555}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.8rem}
.card{display:block;text-align:left;font:inherit;background:#fff;border:2px solid #ccd;border-radius:.5rem;padding:.6rem;cursor:pointer}
.card[aria-pressed="true"]{border-color:#d98b00;background:#fff8e6}.card .row{display:block;margin-top:.3rem}
.nid{font-family:monospace;color:#666}.backer{background:#e3f3e6;padding:0 .25rem;border-radius:.2rem}
.disputer{background:#fbe3e3;padding:0 .25rem;border-radius:.2rem}.none{color:#999}
.omitted{background:#fde8e8;color:#a00;font-weight:600}.matrix td{text-align:center}
.text .body{white-space:pre-wrap;border-left:3px solid #ccd;padding-left:.8rem}
.answers{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}.question h3{margin:.8rem 0 .4rem}
.claim{border-bottom:1px dotted #999}.claim.on{background:#ffd966;border-bottom:2px solid #d98b00}`;
