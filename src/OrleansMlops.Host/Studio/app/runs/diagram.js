import { api } from '../api.js';
import { clear, el } from '../dom.js';

// The BPMN of the version a run is pinned to, shown read-only: the node(s) it waits at marked "current", the nodes it
// entered or left and the flows it took marked "completed".
export class RunDiagram {
  constructor(host) {
    this.host = host;
    this.viewer = null;
    this.loaded = null;
    this.marked = [];
  }

  async show(workflow) {
    const key = `${workflow.workflowId}@${workflow.version}`;
    if (this.loaded === key) return;
    const xml = await api.get(`/api/workflows/${encodeURIComponent(workflow.workflowId)}/versions/${workflow.version}/bpmn`);
    if (typeof BpmnJS !== 'function') {
      clear(this.host).append(el('p', { class: 'muted' }, 'The diagram viewer (bpmn-js) did not load.'));
      return;
    }

    if (!this.viewer) {
      this.viewer = new BpmnJS({ container: this.host });
      this.readOnly();
    }

    await this.viewer.importXML(xml);
    this.viewer.get('canvas').zoom('fit-viewport');
    this.loaded = key;
    this.marked = [];
  }

  // A display, not an editor: no dragging, no label editing (the palette and context pad are hidden by CSS).
  readOnly() {
    const canvas = this.viewer.get('canvas');
    this.viewer.get('eventBus').on(['element.mousedown', 'element.dblclick'], 10000,
      event => (event.element === canvas.getRootElement() ? undefined : false));
  }

  mark(view) {
    if (!this.viewer || !this.loaded) return;
    const canvas = this.viewer.get('canvas');
    const registry = this.viewer.get('elementRegistry');
    for (const [id, marker] of this.marked) {
      if (registry.get(id)) canvas.removeMarker(id, marker);
    }

    const current = new Set((view.tokens ?? []).map(t => t.nodeId));
    const completed = new Set();
    for (const entry of view.history ?? []) {
      for (const step of entry.steps ?? []) {
        if ((step.kind === 'nodeEntered' || step.kind === 'nodeLeft') && step.nodeId) completed.add(step.nodeId);
        if (step.kind === 'flowTaken' && step.detail) completed.add(step.detail);
      }
    }

    if (view.endNodeId) completed.add(view.endNodeId);
    this.marked = [
      ...[...completed].filter(id => !current.has(id)).map(id => [id, 'completed']),
      ...[...current].map(id => [id, 'current']),
    ].filter(([id]) => registry.get(id));
    for (const [id, marker] of this.marked) canvas.addMarker(id, marker);
  }

  destroy() {
    this.viewer?.destroy();
    this.viewer = null;
  }
}
