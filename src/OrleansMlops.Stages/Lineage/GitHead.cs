using System.Text.RegularExpressions;

namespace OrleansMlops.Stages.Lineage;

/// <summary>
/// Reads the commit a git checkout has checked out, from the files under <c>.git</c> (no git binary needed): HEAD as a
/// detached commit id, or the branch it names from <c>refs/heads</c> or <c>packed-refs</c>. Worktrees and submodules,
/// whose <c>.git</c> is a file pointing elsewhere, are followed. Anything unexpected gives null: lineage then says the
/// commit is unknown rather than guessing.
/// </summary>
public static partial class GitHead
{
    private const int MaxLevels = 32;

    /// <summary>The full commit id checked out in the repository containing <paramref name="directory"/>, or null.</summary>
    public static string? FindCommit(string directory)
    {
        var current = new DirectoryInfo(directory);
        for (var level = 0; current is not null && level < MaxLevels; level++, current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return ReadHead(dotGit, CommonDirectory(dotGit));
            }

            if (File.Exists(dotGit))
            {
                return GitDirectoryFromFile(dotGit) is { } gitDirectory ? ReadHead(gitDirectory, CommonDirectory(gitDirectory)) : null;
            }
        }

        return null;
    }

    private static string? ReadHead(string gitDirectory, string commonDirectory)
    {
        var head = ReadFirstLine(Path.Combine(gitDirectory, "HEAD"));
        if (head is null)
        {
            return null;
        }

        if (CommitId().IsMatch(head))
        {
            return head.ToLowerInvariant();
        }

        const string refPrefix = "ref: ";
        if (!head.StartsWith(refPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = head[refPrefix.Length..].Trim();
        if (!name.StartsWith("refs/", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var loose = ReadFirstLine(Path.Combine(commonDirectory, name.Replace('/', Path.DirectorySeparatorChar)));
        if (loose is not null)
        {
            return CommitId().IsMatch(loose) ? loose.ToLowerInvariant() : null;
        }

        return PackedRef(Path.Combine(commonDirectory, "packed-refs"), name);
    }

    private static string? PackedRef(string packedRefs, string name)
    {
        if (!File.Exists(packedRefs))
        {
            return null;
        }

        foreach (var line in File.ReadLines(packedRefs))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space == 40 && line.AsSpan(space + 1).SequenceEqual(name) && CommitId().IsMatch(line[..space]))
            {
                return line[..space].ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>A worktree's git directory keeps HEAD but shares refs with the main one, named in its <c>commondir</c> file.</summary>
    private static string CommonDirectory(string gitDirectory) =>
        ReadFirstLine(Path.Combine(gitDirectory, "commondir")) is { Length: > 0 } common
            ? Path.GetFullPath(common, gitDirectory)
            : gitDirectory;

    private static string? GitDirectoryFromFile(string dotGitFile)
    {
        const string prefix = "gitdir: ";
        var line = ReadFirstLine(dotGitFile);
        return line is not null && line.StartsWith(prefix, StringComparison.Ordinal)
            ? Path.GetFullPath(line[prefix.Length..].Trim(), Path.GetDirectoryName(dotGitFile)!)
            : null;
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine()?.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitId();
}
