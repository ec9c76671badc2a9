// Building the page from data without HTML strings: elements are created, text goes in as textContent and values as
// data attributes, so nothing the API returns is ever parsed as markup.

/**
 * el('td', { className: 'text', dataset: { field: 'ticker' } }, 'ABC') -> <td class="text" data-field="ticker">ABC</td>.
 * Children are elements or text (null and undefined are skipped).
 */
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  const { dataset, ...rest } = properties;
  Object.assign(element, rest);
  Object.entries(dataset || {}).forEach(([key, value]) => { element.dataset[key] = dataValue(value); });
  children.flat().forEach(child => {
    if (child != null) element.append(child instanceof Node ? child : String(child));
  });
  return element;
}

/** The value of a data attribute: empty for a missing value. */
export function dataValue(value) {
  return value == null ? '' : String(value);
}

export function byId(id) {
  return document.getElementById(id);
}

/** A figure shown formatted, its raw value kept in data-value. */
export function setFigure(id, value, formatter) {
  const element = byId(id);
  element.textContent = formatter(value);
  element.dataset.value = dataValue(value);
}

/** What a chart shows, as JSON in its canvas's data-labels / data-values: for tests and curious readers. */
export function publish(canvasId, labels, values) {
  const canvas = byId(canvasId);
  canvas.dataset.labels = JSON.stringify(labels);
  canvas.dataset.values = JSON.stringify(values);
}
