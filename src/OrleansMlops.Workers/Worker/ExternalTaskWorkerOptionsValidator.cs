using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers;

/// <summary>Refuses options the engine would refuse at every call, at start rather than in the first poll.</summary>
internal sealed class ExternalTaskWorkerOptionsValidator : IValidateOptions<ExternalTaskWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, ExternalTaskWorkerOptions options)
    {
        var problems = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add("BaseAddress must be an absolute http or https URI.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 128)
        {
            problems.Add("WorkerId must be 1 to 128 characters.");
        }

        // The key itself never appears in a message: these go to logs and start-up failures.
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            problems.Add("ApiKey is required: the engine refuses calls without an X-Api-Key (set Worker:ApiKey, e.g. the environment variable Worker__ApiKey).");
        }
        else if (options.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add("ApiKey must be the key alone, without spaces or line breaks.");
        }

        if (options.MaxTasks is < 1 or > 100)
        {
            problems.Add($"MaxTasks must be 1 to 100; got {options.MaxTasks}.");
        }

        if (options.LockDuration <= TimeSpan.Zero || options.LockDuration > ExternalTaskWorkerOptions.MaxDuration)
        {
            problems.Add($"LockDuration must be more than 0 and at most {ExternalTaskWorkerOptions.MaxDuration}; got {options.LockDuration}.");
        }

        if (options.LongPollTimeout < TimeSpan.Zero || options.LongPollTimeout > ExternalTaskWorkerOptions.MaxLongPollTimeout)
        {
            problems.Add($"LongPollTimeout must be 0 to {ExternalTaskWorkerOptions.MaxLongPollTimeout}; got {options.LongPollTimeout}.");
        }

        if (options.MaxRetries < 0)
        {
            problems.Add($"MaxRetries must be 0 or more; got {options.MaxRetries}.");
        }

        if (options.RetryBackoff <= TimeSpan.Zero || options.RetryBackoff > ExternalTaskWorkerOptions.MaxDuration)
        {
            problems.Add($"RetryBackoff must be more than 0 and at most {ExternalTaskWorkerOptions.MaxDuration}; got {options.RetryBackoff}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
