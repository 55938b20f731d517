using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

public class EditDistanceTests
{
    [TestCase("ssh_host", "ssh_host", 0)]
    [TestCase("ssh_hots", "ssh_host", 2)]
    [TestCase("ssh_hst", "ssh_host", 1)]
    [TestCase("SSH_HOST", "ssh_host", 0)]
    [TestCase("remote_persitent_data_path", "remote_persistent_data_path", 1)]
    [TestCase("", "abc", 3)]
    [TestCase("kitten", "sitting", 3)]
    public void The_distance_counts_insertions_deletions_and_substitutions_ignoring_case(string a, string b, int expected)
    {
        Assert.That(EditDistance.Between(a, b), Is.EqualTo(expected));
    }

    [Test]
    public void The_nearest_candidate_within_the_limit_is_chosen()
    {
        Assert.That(EditDistance.Nearest("ssh_prot", ["ssh_port", "ssh_host", "ssh_user"]), Is.EqualTo("ssh_port"));
    }

    [Test]
    public void No_candidate_is_chosen_beyond_the_limit()
    {
        Assert.That(EditDistance.Nearest("partition", ["ssh_port", "ssh_host"]), Is.Null);
    }
}
