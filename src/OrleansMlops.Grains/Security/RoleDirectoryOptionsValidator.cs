using Microsoft.Extensions.Options;

namespace OrleansMlops.Grains.Security;

/// <summary>Refuses a lapse period that would make a suspension meaningless or a one-admin removal all but permanent.</summary>
public sealed class RoleDirectoryOptionsValidator : IValidateOptions<RoleDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, RoleDirectoryOptions options) =>
        options.SuspensionLapsesAfter >= RoleDirectoryOptions.MinSuspensionLapsesAfter
        && options.SuspensionLapsesAfter <= RoleDirectoryOptions.MaxSuspensionLapsesAfter
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{RoleDirectoryOptions.Section}:{nameof(RoleDirectoryOptions.SuspensionLapsesAfter)} must be between "
                + $"{RoleDirectoryOptions.MinSuspensionLapsesAfter.TotalMinutes:0} minutes and {RoleDirectoryOptions.MaxSuspensionLapsesAfter.TotalDays:0} days "
                + $"(e.g. \"1.00:00:00\"); got '{options.SuspensionLapsesAfter}'.");
}
