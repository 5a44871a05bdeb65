namespace OrleansMlops.Grains.Security;

/// <summary>The <c>Security:RoleDirectory</c> configuration section: how long an unconfirmed suspension holds.</summary>
public sealed class RoleDirectoryOptions
{
    public const string Section = "Security:RoleDirectory";

    public static readonly TimeSpan MinSuspensionLapsesAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxSuspensionLapsesAfter = TimeSpan.FromDays(30);

    /// <summary>
    /// A suspension no second admin confirms or lifts within this period lapses and the principal's roles come back,
    /// so one admin alone cannot remove someone for good.
    /// </summary>
    public TimeSpan SuspensionLapsesAfter { get; set; } = TimeSpan.FromHours(24);
}
