using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

/// <summary>One in-process engine host for every CLI test class: starting a silo per class would dominate the run time.</summary>
[CollectionDefinition(Name)]
public sealed class CliHostCollection : ICollectionFixture<EngineHostFactory>
{
    public const string Name = "cli against one host";
}
