using System.Text.Json;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Evaluation;

namespace OrleansMlops.Governance.Tests.Support;

/// <summary>
/// Gate inputs for tests, built from the well-formed credit-risk run that is the <c>base</c> of the shipped fixtures:
/// at every transition it passes every default pack; tests break one fact at a time.
/// </summary>
internal static class GateInputs
{
    public const string RunId = "run-fixture";

    private static readonly Lazy<GateInput> Base = new(() =>
    {
        using var fixtures = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.Policies, "four-eyes.fixtures.json")));
        return GateInputJson.Deserialize(fixtures.RootElement.GetProperty("base"));
    });

    public static GateInput WellFormed => Base.Value;

    /// <summary>The well-formed run at <paramref name="transition"/>: the engine acts when entering a stage, the approver approves.</summary>
    public static GateInput For(string transition)
    {
        var input = WellFormed with { Transition = transition };
        return transition.StartsWith("enter:", StringComparison.Ordinal)
            ? input with { Actor = Actor.System, Run = input.Run with { Stage = transition["enter:".Length..] } }
            : input;
    }

    /// <summary>The input the rules of good/expression-forms.json are written against.</summary>
    public static GateInput Review() => For("enter:review") with
    {
        Actor = WellFormed.Actor,
        Run = WellFormed.Run with { Variables = WellFormed.Run.Variables.Add("segment", "retail"), Validator = null },
    };
}
