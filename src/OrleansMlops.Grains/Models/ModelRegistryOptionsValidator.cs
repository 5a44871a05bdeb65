using Microsoft.Extensions.Options;

namespace OrleansMlops.Grains.Models;

/// <summary>Refuses a review period that would make every version overdue at once, or never due.</summary>
public sealed class ModelRegistryOptionsValidator : IValidateOptions<ModelRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelRegistryOptions options) =>
        options.RevalidationPeriod > TimeSpan.Zero && options.RevalidationPeriod <= ModelRegistryOptions.MaxRevalidationPeriod
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ModelRegistryOptions.Section}:{nameof(ModelRegistryOptions.RevalidationPeriod)} must be a positive duration of at most "
                + $"{ModelRegistryOptions.MaxRevalidationPeriod.TotalDays:0} days (e.g. \"365.00:00:00\"); got '{options.RevalidationPeriod}'.");
}
