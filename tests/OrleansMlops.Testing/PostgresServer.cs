using System.Diagnostics;
using Npgsql;

namespace OrleansMlops.Testing;

/// <summary>
/// A throwaway PostgreSQL server started from the installed server binaries: a fresh cluster in a temporary directory,
/// on a free port, with fsync on (crash tests rely on it). One per test process (<see cref="Shared"/>); each test
/// class takes its own database. Without the binaries it fails loudly, naming where it looked.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Password = "mlops-test-password";
    private const string SuperUser = "postgres";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);
    private static int databaseCounter;

    private readonly string _bin;
    private readonly string _directory;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server every test of this process shares; stopped when the process exits.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>Where the server binaries are: MLOPS_PG_BIN, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MLOPS_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>
    /// A new, empty database owned by a password-authenticated role, as an application would connect. With
    /// <paramref name="icuLocale"/> (e.g. "en-US") its default collation is that ICU locale's linguistic order rather than
    /// the server's byte order, as on a production server set up for a language.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "mlops", int maxPoolSize = 20, string? icuLocale = null)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}".Replace('-', '_');
        // template1 has the server's libc locale; another locale provider needs the pristine template0.
        var locale = icuLocale is null ? "" : $" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale.Replace("'", "''", StringComparison.Ordinal)}'";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER mlops{locale}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = name,
            Username = "mlops",
            Password = Password,
            MaxPoolSize = maxPoolSize,
        }.ConnectionString;
    }

    /// <summary>
    /// Stops the database of <paramref name="connectionString"/> taking connections and ends the open ones (an outage under
    /// a running host), or lets it take them again.
    /// </summary>
    public async Task SetConnectionsAllowedAsync(string connectionString, bool allowed)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ALLOW_CONNECTIONS {allowed}", admin);
        await alter.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name", admin);
            terminate.Parameters.AddWithValue("name", name);
            await terminate.ExecuteScalarAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], allowFailure: true);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the stopping server still held: the temporary directory is reclaimed by the machine.
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = _directory,
        Port = Port,
        Database = "postgres",
        Username = SuperUser,
        Pooling = false,
    }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found (looked at MLOPS_PG_BIN and /usr/lib/postgresql/*/bin). "
            + "Install them (Debian: apt-get install postgresql-15) or point MLOPS_PG_BIN at the folder holding initdb and pg_ctl; "
            + ".ci/run installs them.");
        var directory = Path.Combine(Path.GetTempPath(), $"orleans-mlops-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", directory]);
        }

        var server = new PostgresServer(bin, directory, TestPorts.Stable(15_000, 20_000));
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", server.DataDirectory, "-U", SuperUser, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
        [
            "-D", server.DataDirectory, "-w", "-l", Path.Combine(directory, "server.log"),
            "-o", $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200",
            "start",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();

        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var role = new NpgsqlCommand($"CREATE ROLE mlops LOGIN PASSWORD '{Password}'", admin);
        await role.ExecuteNonQueryAsync();
        return server;
    }

    private static async Task RunAsync(string program, string[] arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.IsPrivilegedProcess && program.StartsWith('/'))
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(SuperUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
