// Starts downloading the dataset that a `data` URL parameter names while the program itself is still
// loading, so that it arrives while the program compiles instead of after (at low priority: the
// program's own files come first). Only a plain relative path (letters, digits and - _ . /, not
// starting with //) is fetched here, always a file of this site; any other value is left to the
// program, which checks every path and says why it refuses one. The program uses this response only
// for the very same path, and reports its failure.
(() => {
  const path = new URLSearchParams(location.search).get('data');
  if (!path || !/^[\w./-]+$/.test(path) || path.startsWith('//')) return;
  const response = fetch(path, { priority: 'low' });
  // Handled by the program; a rejection it has not read yet is not an error of the page.
  response.catch(() => {});
  window.__unionStateData = { path, response };
})();
