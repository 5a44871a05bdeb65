using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Tests.Support;
using OrleansMlops.Testing;

namespace OrleansMlops.Stages.Tests;

public sealed class StagesServiceCollectionExtensionsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "content-root");

    [Fact]
    public void Registers_one_singleton_handler_per_stage()
    {
        using var provider = Build([]);

        var handlers = provider.GetServices<IStageHandler>().ToArray();

        Assert.Equal(["deploy", "evidence", "rollback", "train", "validate"], handlers.Select(h => h.Stage).Order(StringComparer.Ordinal));
        Assert.Same(handlers[0], provider.GetServices<IStageHandler>().First());
        Assert.Same(provider.GetRequiredService<ArtifactStore>(), provider.GetRequiredService<ArtifactStore>());
    }

    [Fact]
    public void Relative_paths_resolve_against_the_content_root()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<StagesOptions>>().Value;

        Assert.Equal(ContentRoot, options.BaseDirectory);
        Assert.Equal(Path.Combine(ContentRoot, "data", "artifacts", "sha256"), provider.GetRequiredService<ArtifactStore>().RootDirectory);
    }

    [Fact]
    public void An_explicit_base_directory_wins()
    {
        var explicitBase = Path.Combine(Path.GetTempPath(), "explicit");
        using var provider = Build(new() { ["Stages:BaseDirectory"] = explicitBase, ["Stages:DataDirectory"] = "d" });

        var options = provider.GetRequiredService<IOptions<StagesOptions>>().Value;

        Assert.Equal(Path.Combine(explicitBase, "d"), options.ResolvePath(options.DataDirectory));
    }

    [Fact]
    public void Code_commit_comes_from_MLOPS_CODE_COMMIT_unless_configured()
    {
        using var fromVariable = Build(new() { ["MLOPS_CODE_COMMIT"] = "feedbeef" });
        using var configured = Build(new() { ["MLOPS_CODE_COMMIT"] = "feedbeef", ["Stages:CodeCommit"] = "c0ffee" });
        using var neither = Build([]);

        Assert.Equal("feedbeef", fromVariable.GetRequiredService<IOptions<StagesOptions>>().Value.CodeCommit);
        Assert.Equal("c0ffee", configured.GetRequiredService<IOptions<StagesOptions>>().Value.CodeCommit);
        Assert.Equal("unknown", neither.GetRequiredService<IOptions<StagesOptions>>().Value.CodeCommit);
    }

    [Fact]
    public void Without_a_configured_commit_the_checkout_of_the_base_directory_gives_it()
    {
        using var checkout = new TestDirectory();
        Directory.CreateDirectory(checkout.File(".git"));
        File.WriteAllText(checkout.File(".git/HEAD"), "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6\n");
        using var provider = Build(new() { ["Stages:BaseDirectory"] = checkout.Path });
        using var variableWins = Build(new() { ["Stages:BaseDirectory"] = checkout.Path, ["MLOPS_CODE_COMMIT"] = "feedbeef" });

        Assert.Equal("6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", provider.GetRequiredService<IOptions<StagesOptions>>().Value.CodeCommit);
        Assert.Equal("feedbeef", variableWins.GetRequiredService<IOptions<StagesOptions>>().Value.CodeCommit);
    }

    [Fact]
    public void Invalid_settings_stop_the_start()
    {
        using var provider = Build(new() { ["Stages:ModelName"] = "Bad Name" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Stages:ModelName 'Bad Name' must be", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new FakeHostEnvironment(ContentRoot));
        services.AddMlopsStages(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
