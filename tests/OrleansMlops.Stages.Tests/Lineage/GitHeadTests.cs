using OrleansMlops.Stages.Lineage;
using OrleansMlops.Testing;

namespace OrleansMlops.Stages.Tests.Lineage;

/// <summary>The commit a run records when nobody configured one: whatever the checkout it runs from has checked out.</summary>
public sealed class GitHeadTests : IDisposable
{
    private const string Commit = "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
    private const string Other = "0a9972d0000000000000000000000000000000ff";

    private readonly TestDirectory _checkout = new();

    [Fact]
    public void A_branch_head_is_read_from_its_loose_ref_from_any_subdirectory()
    {
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/refs/heads/main", Commit.ToUpperInvariant() + "\n");
        Directory.CreateDirectory(_checkout.File("src/deep"));

        Assert.Equal(Commit, GitHead.FindCommit(_checkout.File("src/deep")));
    }

    [Fact]
    public void A_branch_only_in_packed_refs_is_found_there()
    {
        Write(".git/HEAD", "ref: refs/heads/release/1.0\n");
        Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{Other} refs/heads/main\n{Commit} refs/heads/release/1.0\n");

        Assert.Equal(Commit, GitHead.FindCommit(_checkout.Path));
    }

    [Fact]
    public void A_detached_head_is_the_commit_itself()
    {
        Write(".git/HEAD", Commit + "\n");

        Assert.Equal(Commit, GitHead.FindCommit(_checkout.Path));
    }

    [Fact]
    public void A_worktree_follows_its_gitdir_and_shares_the_main_refs()
    {
        Write("main/.git/refs/heads/feature", Commit + "\n");
        Write("main/.git/worktrees/feature/HEAD", "ref: refs/heads/feature\n");
        Write("main/.git/worktrees/feature/commondir", "../..\n");
        Write("feature/.git", "gitdir: ../main/.git/worktrees/feature\n");

        Assert.Equal(Commit, GitHead.FindCommit(_checkout.File("feature")));
    }

    [Theory]
    [InlineData("ref: refs/heads/missing\n")]
    [InlineData("ref: ../../etc/passwd\n")]
    [InlineData("not a head\n")]
    public void An_unreadable_head_gives_no_commit(string head)
    {
        Write(".git/HEAD", head);

        Assert.Null(GitHead.FindCommit(_checkout.Path));
    }

    [Fact]
    public void A_folder_outside_any_checkout_gives_no_commit()
    {
        Directory.CreateDirectory(_checkout.File("plain"));

        Assert.Null(GitHead.FindCommit(_checkout.File("plain")));
    }

    public void Dispose() => _checkout.Dispose();

    private void Write(string relative, string content)
    {
        var path = _checkout.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
