namespace OrleansMlops.Workers.Tests.Unit;

public sealed class OptionsValidatorTests
{
    private static ExternalTaskWorkerOptions Valid() => new()
    {
        BaseAddress = new Uri("http://127.0.0.1:5080"),
        WorkerId = "worker-1",
        ApiKey = "mlops_test-key",
    };

    [Fact]
    public void Sensible_options_pass()
    {
        Assert.True(new ExternalTaskWorkerOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("BaseAddress")]
    [InlineData("WorkerId")]
    [InlineData("ApiKey")]
    [InlineData("MaxTasks")]
    [InlineData("LockDuration")]
    [InlineData("LongPollTimeout")]
    [InlineData("MaxRetries")]
    [InlineData("RetryBackoff")]
    public void Each_bad_setting_is_named(string setting)
    {
        var options = Valid();
        Action<ExternalTaskWorkerOptions> spoil = setting switch
        {
            "BaseAddress" => o => o.BaseAddress = new Uri("file:///tmp/engine"),
            "WorkerId" => o => o.WorkerId = new string('w', 129),
            "ApiKey" => o => o.ApiKey = " ",
            "MaxTasks" => o => o.MaxTasks = 0,
            "LockDuration" => o => o.LockDuration = TimeSpan.FromHours(25),
            "LongPollTimeout" => o => o.LongPollTimeout = TimeSpan.FromSeconds(31),
            "MaxRetries" => o => o.MaxRetries = -1,
            _ => o => o.RetryBackoff = TimeSpan.Zero,
        };
        spoil(options);

        var result = new ExternalTaskWorkerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_api_key_is_refused_without_being_repeated()
    {
        const string key = "mlops_secret-part\nsecond-line";
        var options = Valid();
        options.ApiKey = key;

        var result = new ExternalTaskWorkerOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("ApiKey", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", options.ToString(), StringComparison.Ordinal);
    }
}
