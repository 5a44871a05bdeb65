using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace OrleansMlops.Stages.Tests.Support;

internal sealed class FakeHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "OrleansMlops.Stages.Tests";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
