using System.Diagnostics;
using System.Net;
using System.Text;
using OrleansMlops.Testing;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// The engine's host as its own operating-system process, started from its build output at the repository root (where
/// workflows/, policies/ and data/ live), configured through environment variables, and killable with SIGKILL.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, NodePorts node, Uri baseAddress)
    {
        _process = process;
        Node = node;
        Name = node.Name;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public NodePorts Node { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host on <paramref name="node"/>'s ports and waits until its API answers a signed-in call. A node keeps
    /// its ports across restarts, as a machine does: Orleans then knows the new process supersedes the killed one.
    /// </summary>
    public static async Task<HostProcess> StartAsync(NodePorts node, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var httpPort = node.Http;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Orleans__SiloPort"] = node.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = node.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, node, new Uri($"http://127.0.0.1:{httpPort}"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(90));
        return host;
    }

    public HttpClient Client(string principal) => new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.SignedInAs(principal);

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = Client("audrey");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Name} exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/api/identity/me")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Host {Name} did not answer within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // The host's own build output (the project reference builds it first), in the configuration these tests run in.
    private static string HostAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "src", "OrleansMlops.Host", "bin", configuration, "net10.0", "OrleansMlops.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The host is not built at {path}.");
    }
}
