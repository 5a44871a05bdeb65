using System.Xml.Linq;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows.Tests;

/// <summary>
/// The BPMN MIWG reference models, as exported by many tools: each must load or be refused with problems that name
/// element, kind and position; never another exception, never a hang. Those that load when their tasks are bound are
/// run to their end.
/// </summary>
public sealed class MiwgCorpusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly BpmnLoadOptions Permissive = new() { UnboundTaskStage = "noop", DefaultCandidateRoles = ["approver"] };

    public static TheoryData<string> CorpusFiles => TestFiles.Names("Corpus", includeSubfolders: true);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_file_loads_or_is_refused_with_located_problems(string file)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(TestFiles.CorpusDirectory, file));

        foreach (var options in new[] { BpmnLoadOptions.Default, Permissive })
        {
            var outcome = await Task.Run(() => LoadOrRefuse(xml, options)).WaitAsync(Patience);

            Assert.True(outcome.Definition is not null || outcome.Refusal is not null);
            if (outcome.Refusal is { } refusal)
            {
                Assert.NotEmpty(refusal.Problems);
                Assert.All(refusal.Problems, AssertLocated);
            }
        }
    }

    /// <summary>Every process of every file, each chosen by id: collaborations hold several, most of them not executable.</summary>
    public static TheoryData<string, string> CorpusProcesses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, processId) in ProcessesOfCorpus())
            {
                data.Add(file, processId);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CorpusProcesses))]
    public async Task Every_process_that_loads_with_bound_tasks_runs_to_its_end(string file, string processId)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(TestFiles.CorpusDirectory, file));
        var outcome = await Task.Run(() => LoadOrRefuse(xml, Permissive with { ProcessId = processId })).WaitAsync(Patience);
        if (outcome.Refusal is { } refusal)
        {
            Assert.All(refusal.Problems, AssertLocated);
            return;
        }

        var state = await Task.Run(() => new ProcessDriver(outcome.Definition!).Run(budget: 500)).WaitAsync(Patience);

        Assert.Contains(state.Status, new[] { ProcessStatus.Completed, ProcessStatus.Terminated });
        Assert.NotNull(state.EndNodeId);
    }

    /// <summary>
    /// Pins which corpus processes load: most models were drawn as diagrams (exclusive gateways without conditions,
    /// message flows, sub-processes), which the engine rightly refuses. A change here is a change of what we accept.
    /// </summary>
    [Fact]
    public void Exactly_the_plain_corpus_processes_load_once_their_tasks_are_bound()
    {
        var loading = ProcessesOfCorpus()
            .Where(pair => LoadOrRefuse(File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory, pair.File)), Permissive with { ProcessId = pair.ProcessId }).Definition is not null)
            .ToList();

        Assert.Equal(
            [
                ("miwg-camunda-modeler/A.1.0-export.bpmn", "Process_1"),
                ("miwg-reference/A.1.0.bpmn", "WFP-6-"),
                ("miwg-reference/B.1.0.bpmn", "Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450"),
                ("miwg-reference/B.1.0.bpmn", "WFP-0-"),
                ("miwg-reference/B.2.0.bpmn", "WFP-0-"),
            ],
            loading);
    }

    [Theory]
    [InlineData("miwg-reference/A.2.0.bpmn", "without a condition and is not its default flow")]
    [InlineData("miwg-camunda-modeler/A.4.1-export.bpmn", "touches the executed process")]
    [InlineData("miwg-camunda-modeler/C.5.0-export.bpmn", "without a condition and is not its default flow")]
    [InlineData("miwg-reference/C.4.0.bpmn", "isExecutable=\"true\"")]
    public void Approval_style_models_drawn_as_diagrams_are_refused_for_what_they_leave_open(string file, string reason)
    {
        var refusal = Refuse(file, Permissive);

        Assert.Contains(refusal.Problems, problem => problem.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void B_2_0_from_camunda_modeler_is_refused_naming_each_unsupported_element()
    {
        var refusal = Refuse("miwg-camunda-modeler/B.2.0-export.bpmn");

        AssertRefused(refusal, "Activity_0ffbdg4", "subProcess");
        AssertRefused(refusal, "Activity_03q0xwc", "subProcess");
        AssertRefused(refusal, "Activity_0qnc8vy", "callActivity");
        AssertRefused(refusal, "Gateway_0iz1sti", "inclusiveGateway");
        AssertRefused(refusal, "Activity_0pn331p", "sendTask");
        AssertRefused(refusal, "Event_128e9tk", "intermediateThrowEvent");
        AssertRefused(refusal, "StartEvent_1", "startEvent (timerEventDefinition)");
        AssertRefused(refusal, "Event_0403g4k", "endEvent (messageEventDefinition)");
        AssertRefused(refusal, "Event_1cb9pew", "endEvent (signalEventDefinition)");
        AssertRefused(refusal, "Event_0pi17ux", "intermediateCatchEvent (conditionalEventDefinition)");
        AssertRefused(refusal, "Event_1f35b4w", "boundaryEvent (escalationEventDefinition)");
        AssertRefused(refusal, "Event_1rsgo7a", "boundaryEvent (conditionalEventDefinition)");
        AssertRefused(refusal, "Flow_1gv8gte", "messageFlow");
        AssertRefused(refusal, "Flow_12bkpzd", "messageFlow");
    }

    [Fact]
    public void B_2_0_reference_is_refused_for_having_no_single_executable_process()
    {
        var refusal = Refuse("miwg-reference/B.2.0.bpmn");

        var problem = Assert.Single(refusal.Problems);
        Assert.StartsWith("the file has 4 processes", problem.Message, StringComparison.Ordinal);
        Assert.Equal("definitions", problem.ElementKind);
    }

    [Fact]
    public void B_2_0_reference_main_pool_is_refused_naming_each_unsupported_element()
    {
        var refusal = Refuse("miwg-reference/B.2.0.bpmn", new BpmnLoadOptions { ProcessId = "WFP-6-2", UnboundTaskStage = "noop" });

        Assert.Contains(refusal.Problems, problem => problem.ElementKind == "subProcess");
        Assert.Contains(refusal.Problems, problem => problem.ElementKind == "eventBasedGateway");
        Assert.Contains(refusal.Problems, problem => problem.ElementKind == "receiveTask");
        Assert.Contains(refusal.Problems, problem => problem.ElementKind == "boundaryEvent (errorEventDefinition)");
        Assert.Contains(refusal.Problems, problem => problem.ElementKind == "intermediateThrowEvent");
        Assert.All(refusal.Problems, AssertLocated);
    }

    [Fact]
    public void The_repository_copy_of_the_corpus_matches_the_shared_one_when_it_is_present()
    {
        // CI runs on a clean clone without ../shared; there the repository copy is all there is.
        if (TestFiles.SharedCorpusDirectory() is not { } shared)
        {
            return;
        }

        var sharedFiles = Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(shared, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(sharedFiles);
        foreach (var relative in sharedFiles)
        {
            var copy = Path.Combine(TestFiles.CorpusDirectory, relative);
            Assert.True(File.Exists(copy), $"Corpus/{relative} is missing from the repository copy");
            Assert.Equal(File.ReadAllBytes(Path.Combine(shared, relative)), File.ReadAllBytes(copy));
        }
    }

    private static List<(string File, string ProcessId)> ProcessesOfCorpus() =>
        [
            .. TestFiles.List("Corpus", includeSubfolders: true).SelectMany(file =>
                XDocument.Load(Path.Combine(TestFiles.CorpusDirectory, file)).Root!
                    .Elements(XName.Get("process", "http://www.omg.org/spec/BPMN/20100524/MODEL"))
                    .Select(process => (file, (string)process.Attribute("id")!))),
        ];

    private static (ProcessDefinition? Definition, WorkflowDefinitionException? Refusal) LoadOrRefuse(string xml, BpmnLoadOptions options)
    {
        try
        {
            return (BpmnLoader.Load(xml, options), null);
        }
        catch (WorkflowDefinitionException refusal)
        {
            return (null, refusal);
        }
    }

    private static WorkflowDefinitionException Refuse(string file, BpmnLoadOptions? options = null) =>
        Bpmn.Refuse(File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory, file)), options);

    private static void AssertRefused(WorkflowDefinitionException refusal, string elementId, string kind) =>
        Assert.True(
            refusal.Problems.Any(problem => problem.ElementId == elementId && problem.ElementKind == kind && problem.Message.StartsWith("unsupported element", StringComparison.Ordinal)),
            $"Expected '{elementId}' to be refused as unsupported {kind}; got:\n{refusal.Message}");

    private static void AssertLocated(WorkflowProblem problem)
    {
        Assert.False(string.IsNullOrWhiteSpace(problem.ElementId), $"{problem} names no element");
        Assert.False(string.IsNullOrWhiteSpace(problem.ElementKind), $"{problem} names no kind");
        Assert.True(problem.Line > 0 && problem.Column > 0, $"{problem} has no position");
    }
}
