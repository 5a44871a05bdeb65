namespace OrleansMlops.Workers.Tests.Unit;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Retries_start_at_the_maximum_and_count_down_to_none()
    {
        int? left = null;
        var granted = new List<int>();
        for (var failure = 0; failure < 5; failure++)
        {
            var retries = RetryPolicy.RetriesAfterFailure(left, maxRetries: 3);
            granted.Add(retries);
            left = retries;
        }

        Assert.Equal([3, 2, 1, 0, 0], granted);
    }

    [Fact]
    public void Failure_back_off_doubles_with_each_retry_and_stops_at_the_engines_limit()
    {
        var first = TimeSpan.FromSeconds(10);

        Assert.Equal(
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)],
            new[] { 3, 2, 1 }.Select(r => RetryPolicy.FailureBackoff(first, 3, r)));
        Assert.Equal(ExternalTaskWorkerOptions.MaxDuration, RetryPolicy.FailureBackoff(first, 1_000, 0));
    }

    [Fact]
    public void Transient_back_off_has_a_floor_and_a_ceiling()
    {
        Assert.Equal(RetryPolicy.MinTransientBackoff, RetryPolicy.TransientBackoff(TimeSpan.FromMilliseconds(1), 0));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryPolicy.TransientBackoff(TimeSpan.FromSeconds(1), 2));
        Assert.Equal(RetryPolicy.MaxTransientBackoff, RetryPolicy.TransientBackoff(TimeSpan.FromSeconds(1), 100));
    }
}
