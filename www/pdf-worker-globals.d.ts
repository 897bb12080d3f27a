// What the PDF worker has in scope: pdf.js's API as `pdfjsLib` (scripts/pdfjs-bundle.mjs puts
// it before www/pdf-worker.js); pdf.js ships no types here, so its API is untyped.
declare const pdfjsLib: any;
