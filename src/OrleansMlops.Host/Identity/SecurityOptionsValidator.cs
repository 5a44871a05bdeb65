using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Identity;

/// <summary>Refuses to start with a configuration that would leave the API open or unusable, naming the setting at fault.</summary>
public sealed partial class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var problems = new List<string>();
        if (options.SigningKey is { Length: > 0 } key)
        {
            if (!TryDecode(key, out var bytes) || bytes.Length < MinimumKeyBytes)
            {
                problems.Add($"{SecurityOptions.Section}:SigningKey must be base64 of at least {MinimumKeyBytes} random bytes.");
            }
        }
        else if (!options.Development)
        {
            problems.Add($"{SecurityOptions.Section}:SigningKey is required (base64, at least {MinimumKeyBytes} bytes), "
                + $"unless {SecurityOptions.Section}:Development is true on a developer's machine.");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            if (!PrincipalIds.IsValid(entry.Id))
            {
                problems.Add($"{SecurityOptions.Section}:ApiKeys:{i}:Id '{entry.Id}' is not a valid principal id.");
            }

            if (!Sha256Hex().IsMatch(entry.Sha256))
            {
                problems.Add($"{SecurityOptions.Section}:ApiKeys:{i}:Sha256 must be the 64 hex digits of the key's SHA-256.");
            }
        }

        foreach (var (id, principal) in options.Principals)
        {
            if (!PrincipalIds.IsValid(id))
            {
                problems.Add($"{SecurityOptions.Section}:Principals:{id} is not a valid principal id.");
            }

            problems.AddRange(principal.Roles.Where(role => !Roles.IsKnown(role))
                .Select(role => $"{SecurityOptions.Section}:Principals:{id}:Roles has '{role}', which is not one of {string.Join(", ", Roles.All)}."));
        }

        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TrustedProxy.TryParse(options.TrustedProxies[i], out _))
            {
                problems.Add($"{SecurityOptions.Section}:TrustedProxies:{i} '{options.TrustedProxies[i]}' is neither an IP address nor a network in CIDR notation (e.g. 10.0.0.5 or 10.0.0.0/24).");
            }
        }

        if (options.DevelopmentTokenLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{SecurityOptions.Section}:DevelopmentTokenLifetime must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
