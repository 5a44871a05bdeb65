using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OrleansMlops.Workflows;

namespace OrleansMlops.Benchmarks;

/// <summary>
/// What a signed-in caller's BPMN costs the host before it is refused or accepted (PUT /api/workflows/{id} and
/// POST /api/workflows/validate both load it). The baseline is the shipped credit release; the hostile documents are as
/// large as a request body may be (1 MB): one nested as deep as it goes, one as wide. Two are the most a document within
/// the limits can ask for: the element limit with every element at the depth limit, and 1 MB of exclusive gateways in a
/// chain (each gateway's flows were once found by scanning every flow of the process).
/// </summary>
[MemoryDiagnoser]
public class BpmnLoadBenchmarks
{
    private const int RequestBodyCharacters = 1024 * 1024;

    private string _creditRisk = null!;
    private string _deeplyNested = null!;
    private string _wide = null!;
    private string _atTheLimits = null!;
    private string _gateways = null!;

    [GlobalSetup]
    public void Setup()
    {
        _creditRisk = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "credit-risk.bpmn"));
        _deeplyNested = InStartEvent(Repeat("<x:n>", "</x:n>", RequestBodyCharacters / 11));
        _wide = InStartEvent(Repeat("<x:n/>", string.Empty, RequestBodyCharacters / 6));
        var elementsPerBranch = BpmnLoadOptions.Default.MaxDepth - 4;
        var branches = (BpmnLoadOptions.Default.MaxElements - 10) / elementsPerBranch;
        _atTheLimits = InStartEvent(string.Concat(Enumerable.Repeat(Repeat("<x:n>", "</x:n>", elementsPerBranch), branches)));

        _gateways = GatewayChain(RequestBodyCharacters / 105);

        Expect(CreditRisk, "loads");
        Expect(DeeplyNested1MB, "depth limit");
        Expect(Wide1MB, "element limit");
        Expect(AtTheLimits, "loads");
        Expect(Gateways1MB, "loads");
    }

    [Benchmark(Baseline = true)]
    public string CreditRisk() => Outcome(_creditRisk);

    [Benchmark]
    public string DeeplyNested1MB() => Outcome(_deeplyNested);

    [Benchmark]
    public string Wide1MB() => Outcome(_wide);

    [Benchmark]
    public string AtTheLimits() => Outcome(_atTheLimits);

    [Benchmark]
    public string Gateways1MB() => Outcome(_gateways);

    private static string Outcome(string xml)
    {
        try
        {
            return BpmnLoader.Load(xml).ProcessId is { } ? "loads" : "no process";
        }
        catch (WorkflowDefinitionException refused)
        {
            return refused.Problems[0].Message;
        }
    }

    private static void Expect(Func<string> benchmark, string outcome)
    {
        var actual = benchmark();
        if (!actual.Contains(outcome, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected an outcome with '{outcome}', got '{actual}'.");
        }
    }

    private static string Repeat(string open, string close, int times)
    {
        var text = new StringBuilder((open.Length + close.Length) * times);
        text.Insert(0, open, times);
        text.Insert(text.Length, close, times);
        return text.ToString();
    }

    /// <summary>start → <paramref name="count"/> exclusive gateways, each with one flow to the next → end.</summary>
    private static string GatewayChain(int count)
    {
        var body = new StringBuilder("""<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="g1" />""");
        for (var gateway = 1; gateway <= count; gateway++)
        {
            var next = gateway == count ? "end" : $"g{gateway + 1}";
            body.Append(CultureInfo.InvariantCulture, $"""<bpmn:exclusiveGateway id="g{gateway}" /><bpmn:sequenceFlow id="f{gateway}" sourceRef="g{gateway}" targetRef="{next}" />""");
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1">
              <bpmn:process id="p" isExecutable="true">{body}<bpmn:endEvent id="end" /></bpmn:process>
            </bpmn:definitions>
            """;
    }

    /// <summary>The shipped one-stage shape with <paramref name="content"/> as the start event's extension elements.</summary>
    private static string InStartEvent(string content) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="Definitions_1">
          <bpmn:process id="p" isExecutable="true" mlops:startRoles="data-scientist">
            <bpmn:startEvent id="start"><bpmn:extensionElements xmlns:x="urn:x">{content}</bpmn:extensionElements></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <bpmn:serviceTask id="task" name="Train" mlops:stage="train" />
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
