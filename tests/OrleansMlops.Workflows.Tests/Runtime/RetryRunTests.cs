using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class RetryRunTests
{
    private readonly ProcessInterpreter interpreter = Interpreter("retries.bpmn");

    private ProcessState Running() => interpreter.AllowStage(interpreter.Start(NoVariables, T0).State, "t1", T0).State;

    [Fact]
    public void A_failed_stage_waits_for_a_retry_timer_with_doubling_backoff()
    {
        var failed = interpreter.FailStage(Running(), "t1", "CUDA out of memory", T0);

        Assert.Equal(new Token("t1", "train", TokenStatus.RetryWaiting, 0, "f1", Activation: 1), Assert.Single(failed.State.Tokens));
        Assert.Equal(new PendingTimer("timer2", "t1", "train", TimerKind.Retry, T0.AddSeconds(10)), Assert.Single(failed.State.Timers));
        Assert.Equal([TransitionStepKind.StageFailed, TransitionStepKind.TimerScheduled, TransitionStepKind.RetryScheduled], Kinds(failed));
        Assert.Equal("attempt 1 of 3: CUDA out of memory", failed.Steps[0].Detail);

        var retried = interpreter.FireTimer(failed.State, "timer2", T0.AddSeconds(10));
        Assert.Equal(new Token("t1", "train", TokenStatus.Running, 1, "f1", Activation: 1), Assert.Single(retried.State.Tokens));
        Assert.Empty(retried.State.Timers);

        var failedAgain = interpreter.FailStage(retried.State, "t1", "CUDA out of memory", T0.AddMinutes(1));
        Assert.Equal(T0.AddMinutes(1).AddSeconds(20), Assert.Single(failedAgain.State.Timers).DueAt);
    }

    [Fact]
    public void When_retries_are_exhausted_the_run_fails_naming_the_stage_and_the_error()
    {
        var state = Running();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            state = interpreter.FailStage(state, "t1", "disk full", T0).State;
            var timer = Assert.Single(state.Timers);
            state = interpreter.FireTimer(state, timer.TimerId, timer.DueAt).State;
        }

        Assert.Equal(2, Assert.Single(state.Tokens).Attempt);
        var final = interpreter.FailStage(state, "t1", "disk full", T0);

        Assert.Equal(ProcessStatus.Failed, final.State.Status);
        Assert.Equal("stage task 'Train' (train, stage 'train') failed after 3 attempt(s): disk full", final.State.FailureReason);
        Assert.Empty(final.State.Timers);
        Assert.Equal([TransitionStepKind.StageFailed, TransitionStepKind.ProcessFailed], Kinds(final));
    }

    [Fact]
    public void A_stage_that_succeeds_on_retry_completes_the_run()
    {
        var state = interpreter.FailStage(Running(), "t1", "flaky", T0).State;
        state = interpreter.FireTimer(state, "timer2", T0.AddSeconds(10)).State;

        var completed = interpreter.CompleteStage(state, "t1", NoVariables, T0.AddMinutes(2));

        Assert.Equal(ProcessStatus.Completed, completed.State.Status);
    }

    [Fact]
    public void A_stage_without_retries_fails_the_run_at_once()
    {
        var single = new ProcessInterpreter(BpmnLoader.Load(Bpmn.SingleStage()));
        var state = single.AllowStage(single.Start(NoVariables, T0).State, "t1", T0).State;

        var failed = single.FailStage(state, "t1", "bad input", T0);

        Assert.Equal(ProcessStatus.Failed, failed.State.Status);
        Assert.Contains("after 1 attempt(s): bad input", failed.State.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(2, 60)]
    [InlineData(1_000, 60)]
    [InlineData(int.MaxValue, 60)]
    public void Backoff_doubles_per_attempt_and_is_capped_at_an_hour(int attempt, int expectedMinutes)
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMinutes(30));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), policy.DelayAfter(attempt));
    }
}
