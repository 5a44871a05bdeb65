using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Every run of the harness must end where its workload says; a blocked or failed run stops the harness with the rule
/// that blocked it, because figures from runs that did not do the work would flatter the engine.
/// </summary>
internal static class RunVerdict
{
    public static RunView Require(RunView view, RunStatus expected)
    {
        if (view.Status == expected)
        {
            return view;
        }

        var refused = view.Decisions
            .Where(d => !d.Allows)
            .SelectMany(d => d.Results.Where(r => !r.Passed).Select(r => $"{d.Transition}: {r.RuleSetId}/{r.RuleName}: {r.Message}")
                .DefaultIfEmpty($"{d.Transition}: {d.Outcome} {d.Error}"));
        throw new LoadHarnessException(
            $"Run {view.RunId} is {view.Status}, expected {expected}. Problem: {view.Problem ?? "none"}. "
            + $"Refusing rules: {string.Join(" | ", refused.DefaultIfEmpty("none"))}. Last transition: {(view.History.IsDefaultOrEmpty ? "none" : view.History[^1].Summary)}");
    }
}
