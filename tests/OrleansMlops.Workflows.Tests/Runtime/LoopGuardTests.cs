using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class LoopGuardTests
{
    [Fact]
    public async Task Gateways_looping_without_a_wait_state_fail_the_run_instead_of_hanging()
    {
        var interpreter = Interpreter("gateway-loop.bpmn");

        var step = await Task.Run(() => interpreter.Start(NoVariables, T0)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ProcessStatus.Failed, step.State.Status);
        Assert.StartsWith($"more than {TokenRouter.MaxMoves} moves without reaching a wait state", step.State.FailureReason, StringComparison.Ordinal);
        Assert.Equal(TransitionStepKind.ProcessFailed, step.Steps[^1].Kind);
    }
}
