using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Api.Idempotency;

/// <summary>Refuses to start with a retention or lease that would forget answers at once or keep keys without end.</summary>
public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Retention < TimeSpan.FromMinutes(1) || options.Retention > MaxRetention)
        {
            problems.Add($"{IdempotencyOptions.Section}:Retention is {options.Retention}; it must be from 00:01:00 to {MaxRetention.TotalDays} days (e.g. 1.00:00:00).");
        }

        if (options.ExecutionLease < TimeSpan.FromSeconds(1) || options.ExecutionLease >= options.Retention)
        {
            problems.Add($"{IdempotencyOptions.Section}:ExecutionLease is {options.ExecutionLease}; it must be at least 00:00:01 and shorter than Retention ({options.Retention}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
