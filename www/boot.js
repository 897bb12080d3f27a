// @ts-check
// Runs first, in the page's head: starts the core's worker (wasm-bindgen's no-modules glue and
// www/worker.js, inlined as text in `#worker-src`) before the rest of the page is parsed and
// laid out. A worker's start waits for a free moment of the page's thread: begun here, it
// overlaps the parsing of the page instead of following the page's first layout (which, with
// the sample's Chinese text in the input box, is a long task). www/app.js takes it up.
/* exported workerUrl, firstWorker */
const workerUrl = URL.createObjectURL(new Blob([(document.getElementById('worker-src') || {}).textContent || ''], { type: 'text/javascript' }));
/** @type {Worker | null} the worker started here, until www/app.js takes it */
let firstWorker = new Worker(workerUrl);
