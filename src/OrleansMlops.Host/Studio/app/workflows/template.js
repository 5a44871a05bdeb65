// A new workflow starts as the smallest document the engine accepts: one start event, one flow, one end event, with
// diagram interchange so the modeler draws it. The process id is the workflow id.

export const maxIdLength = 100;

// The same rule as the API's WorkflowIds: 1 to 100 letters, digits, '-', '_' or '.', not starting with '.'.
export function workflowIdProblem(id) {
  if (id.length === 0) return 'Give the workflow an id.';
  if (id.length > maxIdLength) return `The id may have at most ${maxIdLength} characters.`;
  if (!/^[A-Za-z0-9._-]+$/.test(id)) return "The id may only contain letters, digits, '-', '_' and '.'.";
  if (id.startsWith('.')) return "The id may not start with '.'.";
  return null;
}

const escape = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function templateBpmn(workflowId) {
  const id = escape(workflowId);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="Definitions_1" targetNamespace="http://orleans-mlops.dev/workflows">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Start">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
    <bpmn:endEvent id="EndEvent_1" name="End">
      <bpmn:incoming>Flow_1</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="152" y="182" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">
        <dc:Bounds x="452" y="182" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
        <di:waypoint x="188" y="200" />
        <di:waypoint x="452" y="200" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
