// The standalone annotator page. For now it opens the sample article as plain text;
// the document library, file opening and export build on this.
import { mountCanvas } from '../scholion-canvas.mjs';

const status = document.getElementById('status');
try {
  const canvas = await mountCanvas(document.getElementById('stage'), { base: '../' });
  const response = await fetch('sample.txt');
  if (!response.ok) throw new Error(`could not load the sample article: HTTP ${response.status}`);
  await canvas.loadPlainText(await response.text(), new URL('sample.txt', location.href).href);
  window.Scholion = Object.freeze({ instances: [{ canvas }] });
  status.textContent = '';
} catch (error) {
  status.textContent = `Scholion could not start: ${error.message}`;
  console.error(error);
}
