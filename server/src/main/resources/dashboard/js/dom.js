// Builds elements from data without ever parsing it as HTML.

/**
 * h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child) creates an element; attributes
 * named on* become listeners, null and false attributes are left out, children may be nested
 * arrays, strings, numbers or nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces every child of an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** As h(), in the SVG namespace. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A status badge, coloured by the status's class. */
export function statusBadge(status) {
  return h('span', {class: `badge status-${status}`}, status);
}

/** A message beside a form field, tied to it for screen readers. */
export function fieldError(input, message) {
  const id = `${input.id}-error`;
  let holder = document.getElementById(id);
  if (!holder) {
    holder = h('p', {class: 'field-error', id, role: 'alert'});
    input.insertAdjacentElement('afterend', holder);
  }
  holder.textContent = message || '';
  holder.hidden = !message;
  const described = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    described.add(id);
  } else {
    input.removeAttribute('aria-invalid');
    described.delete(id);
  }
  if (described.size > 0) {
    input.setAttribute('aria-describedby', [...described].join(' '));
  } else {
    input.removeAttribute('aria-describedby');
  }
}

/** A labelled form field: label, control and an optional hint. */
export function field(labelText, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', {class: 'field'},
    h('label', {for: control.id}, labelText),
    control,
    hint ? h('p', {class: 'hint', id: hintId}, hint) : null);
}
