using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Stages;

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

        if (!string.IsNullOrWhiteSpace(options.PromoteFrom)
            && (!TargetEnvironment.IsValidName(options.PromoteFrom.Trim()) || options.PromoteFrom.Trim() == name))
        {
            return ValidateOptionsResult.Fail(
                $"{EnvironmentOptions.Section}:{name}:{nameof(EnvironmentOptions.PromoteFrom)} must name another environment "
                + $"(lowercase letters, digits and '-'); got '{options.PromoteFrom}'.");
        }

        return options.PredictionLoggingEnabled && options.LogRetentionDays == 0
            ? ValidateOptionsResult.Fail(
                $"{EnvironmentOptions.Section}:{name} logs predictions but keeps them 0 days; set {nameof(EnvironmentOptions.LogRetentionDays)}.")
            : ValidateOptionsResult.Success;
    }
}
