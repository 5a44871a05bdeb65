using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Grains.Models;
using OrleansMlops.Grains.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// The grains' configuration: the review period, the environments' record keeping and how long a suspension holds,
/// bound and validated.
/// </summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Environments_are_named_options_and_an_unlisted_one_keeps_nothing()
    {
        using var provider = Build(new()
        {
            ["Environments:production:PredictionLoggingEnabled"] = "true",
            ["Environments:production:LogRetentionDays"] = "365",
        });

        var facts = provider.GetRequiredService<EnvironmentFacts>();

        Assert.Equal(new("production", true, true, 365), facts.For("production"));
        Assert.Equal(new("sandbox", true, false, 0), facts.For("sandbox"));
        Assert.Equal(TimeSpan.FromDays(365), provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.RevalidationPeriod);
    }

    [Theory]
    [InlineData("LogRetentionDays", "-1", "Environments:production:LogRetentionDays must be 0 to 36500 days; got -1.")]
    [InlineData("PredictionLoggingEnabled", "true", "Environments:production logs predictions but keeps them 0 days")]
    public void A_misconfigured_environment_is_refused_naming_it(string key, string value, string expected)
    {
        using var provider = Build(new() { [$"Environments:production:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EnvironmentFacts>().For("production"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("3650.00:00:00")]
    public void A_review_period_that_is_not_positive_or_absurdly_long_is_refused(string period)
    {
        using var provider = Build(new() { ["Models:RevalidationPeriod"] = period });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value);

        Assert.Contains("Models:RevalidationPeriod must be a positive duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:04:59")]
    [InlineData("31.00:00:00")]
    public void A_suspension_lapse_period_too_short_to_act_on_or_long_enough_to_remove_someone_alone_is_refused(string period)
    {
        using var provider = Build(new() { ["Security:RoleDirectory:SuspensionLapsesAfter"] = period });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RoleDirectoryOptions>>().Value);

        Assert.Contains($"Security:RoleDirectory:SuspensionLapsesAfter must be between 5 minutes and 30 days (e.g. \"1.00:00:00\"); got '{TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture)}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspension_lapses_after_a_day_unless_configured_otherwise()
    {
        using var defaults = Build([]);
        using var configured = Build(new() { ["Security:RoleDirectory:SuspensionLapsesAfter"] = "08:00:00" });

        Assert.Equal(TimeSpan.FromHours(24), defaults.GetRequiredService<IOptions<RoleDirectoryOptions>>().Value.SuspensionLapsesAfter);
        Assert.Equal(TimeSpan.FromHours(8), configured.GetRequiredService<IOptions<RoleDirectoryOptions>>().Value.SuspensionLapsesAfter);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddMlopsGrains(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
