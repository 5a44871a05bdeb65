namespace OrleansMlops.Workflows.Tests;

/// <summary>What a loaded definition holds: node kinds, mlops bindings, flows in document order, and options.</summary>
public sealed class DefinitionMappingTests
{
    private static ProcessDefinition LoadOwn(string file) => BpmnLoader.Load(TestFiles.Read(TestFiles.OwnBpmn(file)));

    [Fact]
    public void Stage_tasks_keep_their_stage_and_hand_other_mlops_attributes_to_the_handler()
    {
        var definition = LoadOwn("linear.bpmn");

        var validate = Assert.IsType<StageTask>(definition.Nodes["validate"]);
        Assert.Equal("validate", validate.Stage);
        Assert.Equal("Validate", validate.Name);
        Assert.Equal(8, validate.Line);
        Assert.Equal(new Dictionary<string, string> { ["minAuc"] = "0.7", ["dataset"] = "holdout-2024" }, validate.Properties);
        Assert.Equal(RetryPolicy.None, validate.Retry);
        Assert.Equal(TimeSpan.FromSeconds(30), validate.Retry.Backoff);
        Assert.Equal("Linear release", definition.Name);
        Assert.Equal("start", definition.StartEvent.Id);
    }

    [Fact]
    public void Retries_and_backoff_are_read_from_mlops_attributes()
    {
        var train = Assert.IsType<StageTask>(LoadOwn("retries.bpmn").Nodes["train"]);

        Assert.Equal(new RetryPolicy(2, TimeSpan.FromSeconds(10)), train.Retry);
        Assert.Empty(train.Properties);
    }

    [Fact]
    public void User_tasks_keep_roles_outcome_variable_properties_and_their_timers_in_document_order()
    {
        var definition = LoadOwn("boundary-timer.bpmn");

        var approve = Assert.IsType<UserTask>(definition.Nodes["approve"]);
        Assert.Equal(["approver", "model-risk-head"], approve.CandidateRoles.AsEnumerable());
        Assert.Equal("signedOff", approve.OutcomeVariable);
        Assert.Equal("approval-v2", approve.Properties["form"]);
        Assert.Equal(
            [("overdue", TimeSpan.FromHours(48)), ("reminder", TimeSpan.FromDays(1))],
            definition.BoundaryTimersOf("approve").Select(timer => (timer.Id, timer.Duration)));
        Assert.Equal("approved", Assert.IsType<UserTask>(definition.Nodes["escalate"]).OutcomeVariable);
        Assert.Empty(definition.BoundaryTimersOf("escalate"));
    }

    [Fact]
    public void Gateway_flows_keep_document_order_conditions_and_default()
    {
        var definition = LoadOwn("exclusive.bpmn");

        var gateway = Assert.IsType<ExclusiveGateway>(definition.Nodes["route"]);
        Assert.Equal("toRejected", gateway.DefaultFlowId);
        var outgoing = definition.Outgoing("route");
        Assert.Equal(["toFastTrack", "toReview", "toRejected"], outgoing.Select(flow => flow.Id));
        Assert.Equal("${score >= 0.9}", outgoing[0].ConditionText);
        Assert.Equal("= score >= 0.5 and score < 0.9", outgoing[1].Condition?.Text);
        Assert.Null(outgoing[2].Condition);
        Assert.Equal(["f2"], definition.Incoming("route").Select(flow => flow.Id));
        Assert.Empty(definition.Outgoing("rejected"));
    }

    [Fact]
    public void Joins_see_every_incoming_flow()
    {
        var definition = LoadOwn("parallel.bpmn");

        Assert.Equal(["fromBias", "fromDrift", "fromSignOff"], definition.Incoming("join").Select(flow => flow.Id));
        Assert.IsType<ParallelGateway>(definition.Nodes["fork"]);
    }

    [Fact]
    public void Terminate_end_events_are_marked()
    {
        var definition = LoadOwn("terminate.bpmn");

        Assert.True(Assert.IsType<EndEvent>(definition.Nodes["abort"]).Terminate);
        Assert.False(Assert.IsType<EndEvent>(definition.Nodes["reviewed"]).Terminate);
    }

    [Fact]
    public void Decoration_documentation_data_and_diagram_content_are_ignored()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d">
              <bpmn:message id="m1" name="unused message" />
              <bpmn:collaboration id="c">
                <bpmn:participant id="pool" name="Model factory" processRef="p" />
                <bpmn:participant id="partner" name="Partner" />
                <bpmn:messageFlow id="mf" sourceRef="partner" targetRef="partner" />
              </bpmn:collaboration>
              <bpmn:process id="p" isExecutable="true">
                <bpmn:documentation>Ignored.</bpmn:documentation>
                <bpmn:extensionElements><camunda:properties><camunda:property name="a" value="b" /></camunda:properties></bpmn:extensionElements>
                <bpmn:laneSet id="ls"><bpmn:lane id="lane" name="Data science"><bpmn:flowNodeRef>train</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
                <bpmn:ioSpecification id="io"><bpmn:inputSet id="is" /><bpmn:outputSet id="os" /></bpmn:ioSpecification>
                <bpmn:property id="prop" name="__targetRef_placeholder" />
                <bpmn:dataObject id="data" />
                <bpmn:dataObjectReference id="dataRef" dataObjectRef="data" />
                <bpmn:dataStoreReference id="store" />
                <bpmn:textAnnotation id="note"><bpmn:text>Remember the holdout set</bpmn:text></bpmn:textAnnotation>
                <bpmn:association id="assoc" sourceRef="train" targetRef="note" />
                <bpmn:group id="group" />
                <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="train" />
                <bpmn:serviceTask id="train" mlops:stage="train" camunda:type="external" camunda:topic="train">
                  <bpmn:incoming>f1</bpmn:incoming>
                  <bpmn:outgoing>f2</bpmn:outgoing>
                  <bpmn:property id="p2" name="__targetRef_placeholder" />
                  <bpmn:dataInputAssociation id="dia"><bpmn:sourceRef>dataRef</bpmn:sourceRef><bpmn:targetRef>p2</bpmn:targetRef></bpmn:dataInputAssociation>
                  <bpmn:dataOutputAssociation id="doa"><bpmn:targetRef>store</bpmn:targetRef></bpmn:dataOutputAssociation>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f2" sourceRef="train" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" />
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="end" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="c">
                  <bpmndi:BPMNShape id="train_di" bpmnElement="train"><dc:Bounds x="1" y="2" width="100" height="80" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

        var definition = BpmnLoader.Load(xml);

        Assert.Equal(["end", "start", "train"], definition.Nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Null(definition.Flows[1].Condition);
        Assert.Equal("Model factory", definition.Name);
    }

    [Theory]
    [InlineData(" mlops:startRoles=\"deployer, data-scientist,deployer\"", new[] { "deployer", "data-scientist" })]
    [InlineData(" mlops:startRoles=\" \"", new string[0])]
    [InlineData("", new string[0])]
    public void Start_roles_are_read_from_the_process(string attribute, string[] expected)
    {
        var xml = Bpmn.SingleStage().Replace("isExecutable=\"true\"", "isExecutable=\"true\"" + attribute, StringComparison.Ordinal);

        Assert.Equal(expected, BpmnLoader.Load(xml).StartRoles.AsEnumerable());
    }

    [Fact]
    public void Options_bind_unbound_tasks_and_roleless_user_tasks_for_foreign_models()
    {
        var xml = Bpmn.Process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                <bpmn:task id="work" />
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="decide" />
                <bpmn:userTask id="decide" />
                <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="end" />
                <bpmn:endEvent id="end" />
            """);
        Assert.Equal(2, Bpmn.Refuse(xml).Problems.Length);

        var definition = BpmnLoader.Load(xml, new BpmnLoadOptions { UnboundTaskStage = "noop", DefaultCandidateRoles = ["approver"] });

        Assert.Equal("noop", Assert.IsType<StageTask>(definition.Nodes["work"]).Stage);
        Assert.Equal(["approver"], Assert.IsType<UserTask>(definition.Nodes["decide"]).CandidateRoles.AsEnumerable());
    }

    [Fact]
    public void A_process_can_be_chosen_by_id_whatever_its_executable_flag()
    {
        var xml = TestFiles.Read(TestFiles.OwnBpmn(Path.Combine("invalid", "no-executable-process.bpmn")));

        var refusal = Bpmn.Refuse(xml, new BpmnLoadOptions { ProcessId = "second" });
        Assert.Contains(refusal.Problems, problem => problem.ElementId == "start2" && problem.Message.Contains("no outgoing", StringComparison.Ordinal));

        var missing = Assert.Single(Bpmn.Refuse(xml, new BpmnLoadOptions { ProcessId = "third" }).Problems);
        Assert.Contains("no process with id 'third'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_point_at_the_line_and_column_of_the_element()
    {
        var xml = Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="train" />
              <bpmn:serviceTask id="train" />
            <bpmn:sequenceFlow id="f2" sourceRef="train" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.Equal(new("the task has no mlops:stage; bind it to a stage handler kind, e.g. mlops:stage=\"train\"", "train", "serviceTask", Bpmn.FirstBodyLine + 2, 4), problem);
        Assert.Equal("serviceTask 'train': the task has no mlops:stage; bind it to a stage handler kind, e.g. mlops:stage=\"train\" (line 6, column 4)", problem.ToString());
    }

    [Fact]
    public void The_refusal_message_lists_every_problem()
    {
        var xml = TestFiles.Read(TestFiles.OwnBpmn(Path.Combine("invalid", "user-task-without-roles.bpmn")));

        var refusal = Bpmn.Refuse(xml);

        Assert.StartsWith("The BPMN document was refused (3 problems):", refusal.Message, StringComparison.Ordinal);
        Assert.All(refusal.Problems, problem => Assert.Contains(problem.ToString(), refusal.Message, StringComparison.Ordinal));
    }
}
