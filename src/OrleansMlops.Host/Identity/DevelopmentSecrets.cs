using System.Security.Cryptography;
using System.Text.Json;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// The signing key and service API keys development mode generates at first start and keeps beside the database,
/// so tokens and keys printed once stay valid across restarts of the same checkout.
/// </summary>
public sealed record DevelopmentSecrets(string SigningKey, Dictionary<string, string> ApiKeys)
{
    public static DevelopmentSecrets LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it to generate new development keys.");
            var missing = SamplePrincipals.Services.Where(s => !stored.ApiKeys.ContainsKey(s.Id)).ToList();
            if (missing.Count == 0)
            {
                return stored;
            }

            missing.ForEach(service => stored.ApiKeys[service.Id] = Identity.ApiKeys.Generate());
            Save(path, stored);
            return stored;
        }

        var created = new DevelopmentSecrets(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            SamplePrincipals.Services.ToDictionary(s => s.Id, _ => Identity.ApiKeys.Generate(), StringComparer.Ordinal));
        Save(path, created);
        return created;
    }

    private static void Save(string path, DevelopmentSecrets secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
