// Compares the model of two BPMN documents, element by element, ignoring the diagram (shapes, edges, coordinates).
// Every element with an id inside a process is a row; children without their own id (condition expressions, timer
// definitions, documentation, extension elements) count as properties of the element that holds them.

export const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const MLOPS = 'http://orleans-mlops.dev/schema/bpmn';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

// incoming/outgoing repeat what the sequence flows' sourceRef/targetRef already say.
const redundant = new Set(['incoming', 'outgoing']);

export class BpmnParseError extends Error {
  constructor(label, detail) {
    super(`${label} is not well-formed XML: ${detail}`);
    this.problem = { title: 'Cannot compare', detail: this.message };
  }
}

export function parseBpmn(xml, label) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
  if (error) throw new BpmnParseError(label, error.textContent.trim().split('\n')[0]);
  if (doc.documentElement.namespaceURI !== BPMN || doc.documentElement.localName !== 'definitions') {
    throw new BpmnParseError(label, 'the root element is not bpmn:definitions');
  }
  return doc;
}

function attributeName(attribute) {
  if (!attribute.namespaceURI) return attribute.localName;
  if (attribute.namespaceURI === MLOPS) return `mlops:${attribute.localName}`;
  return `${attribute.prefix ?? attribute.namespaceURI}:${attribute.localName}`;
}

function isRow(element) {
  return element.namespaceURI === BPMN && element.hasAttribute('id') && !element.localName.endsWith('EventDefinition');
}

// The properties of one element: its kind, its attributes and what its id-less children say.
function properties(element) {
  const result = new Map([['kind', element.localName]]);
  for (const attribute of element.attributes) {
    if (attribute.namespaceURI === XMLNS || (!attribute.namespaceURI && attribute.localName === 'id')) continue;
    result.set(attributeName(attribute), attribute.value);
  }
  fold(element, '', result);
  return result;
}

function fold(element, prefix, result) {
  const seen = new Map();
  for (const child of element.children) {
    if (isRow(child) || (child.namespaceURI === BPMN && redundant.has(child.localName))) continue;
    const base = child.namespaceURI === BPMN || child.namespaceURI === MLOPS
      ? `${child.namespaceURI === MLOPS ? 'mlops:' : ''}${child.localName}`
      : child.tagName;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const path = `${prefix}${base}${count > 1 ? `[${count}]` : ''}`;
    for (const attribute of child.attributes) {
      if (attribute.namespaceURI === XMLNS || (!attribute.namespaceURI && attribute.localName === 'id')) continue;
      result.set(`${path}@${attributeName(attribute)}`, attribute.value);
    }
    if (child.children.length === 0) {
      const text = child.textContent.trim();
      result.set(path, text);
    } else {
      fold(child, `${path}/`, result);
    }
  }
}

// Every row element of every process (and the processes themselves), by id.
export function modelElements(doc) {
  const elements = new Map();
  for (const process of doc.getElementsByTagNameNS(BPMN, 'process')) {
    const walk = node => {
      if (isRow(node)) elements.set(node.getAttribute('id'), node);
      for (const child of node.children) if (child.namespaceURI === BPMN) walk(child);
    };
    walk(process);
  }
  return elements;
}

/**
 * The differences from one document to the other: [{ change: 'added'|'removed'|'changed', id, kind, name,
 * details: [{ property, before, after }] }], changed first, then added, then removed, each by id.
 */
export function compareBpmn(fromXml, toXml, fromLabel = 'The first version', toLabel = 'The second version') {
  const before = modelElements(parseBpmn(fromXml, fromLabel));
  const after = modelElements(parseBpmn(toXml, toLabel));
  const rows = [];
  for (const [id, element] of after) {
    const now = properties(element);
    const old = before.get(id);
    if (!old) {
      rows.push({ change: 'added', id, kind: element.localName, name: element.getAttribute('name') ?? '', details: [] });
      continue;
    }
    const then = properties(old);
    const details = [];
    for (const key of new Set([...then.keys(), ...now.keys()])) {
      if (then.get(key) !== now.get(key)) details.push({ property: key, before: then.get(key), after: now.get(key) });
    }
    if (details.length > 0) {
      rows.push({ change: 'changed', id, kind: element.localName, name: element.getAttribute('name') ?? '', details });
    }
  }
  for (const [id, element] of before) {
    if (!after.has(id)) rows.push({ change: 'removed', id, kind: element.localName, name: element.getAttribute('name') ?? '', details: [] });
  }
  const order = { changed: 0, added: 1, removed: 2 };
  return rows.sort((a, b) => order[a.change] - order[b.change] || a.id.localeCompare(b.id));
}
