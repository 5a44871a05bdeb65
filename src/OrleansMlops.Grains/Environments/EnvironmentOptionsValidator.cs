using Microsoft.Extensions.Options;

namespace OrleansMlops.Grains.Environments;

/// <summary>Checks each configured environment at start, naming it.</summary>
public sealed class EnvironmentOptionsValidator : IValidateOptions<EnvironmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnvironmentOptions options)
    {
        if (options.LogRetentionDays is < 0 or > EnvironmentOptions.MaxLogRetentionDays)
        {
            return ValidateOptionsResult.Fail(
                $"{EnvironmentOptions.Section}:{name}:{nameof(EnvironmentOptions.LogRetentionDays)} must be 0 to {EnvironmentOptions.MaxLogRetentionDays} days; got {options.LogRetentionDays}.");
        }

        return options.PredictionLoggingEnabled && options.LogRetentionDays == 0
            ? ValidateOptionsResult.Fail(
                $"{EnvironmentOptions.Section}:{name} logs predictions but keeps them 0 days; set {nameof(EnvironmentOptions.LogRetentionDays)}.")
            : ValidateOptionsResult.Success;
    }
}
