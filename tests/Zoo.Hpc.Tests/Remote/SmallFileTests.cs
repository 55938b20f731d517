using System.Text;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Tests.Remote;

/// <summary>How the answer of the download command is read: a size line, then the file when it is small.</summary>
[TestFixture]
public sealed class SmallFileTests
{
    private const string Hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    [Test]
    public void The_size_line_is_followed_by_the_checksum_and_the_file_bytes_as_they_are()
    {
        byte[] content = [0x49, 0x49, 0x2a, 0x00, (byte)'\n', 0xff, (byte)'\n'];

        var file = SmallFile.Read([.. "7\n"u8, .. Encoding.ASCII.GetBytes(Hash + "  -\n"), .. content]);

        Assert.That((file!.Value.Size, file.Value.Sha256, file.Value.Content), Is.EqualTo((7L, Hash.ToLowerInvariant(), content)));
    }

    [Test]
    public void A_file_too_large_to_come_this_way_is_only_its_size()
    {
        var file = SmallFile.Read("5242880\n"u8);

        Assert.That((file!.Value.Size, file.Value.Sha256, file.Value.Content.Length), Is.EqualTo((5242880L, (string?)null, 0)));
    }

    [Test]
    public void An_empty_file_is_size_zero_its_checksum_and_no_bytes()
    {
        var file = SmallFile.Read(Encoding.ASCII.GetBytes("0\n" + Hash + "  -\n"));

        Assert.That((file!.Value.Size, file.Value.Sha256 is not null, file.Value.Content.Length), Is.EqualTo((0L, true, 0)));
    }

    [TestCase("")]
    [TestCase("12")]
    [TestCase("\n12")]
    [TestCase("twelve\nbytes")]
    [TestCase("-3\nabc")]
    [TestCase("1 2\nab")]
    [TestCase("2\nab")]
    [TestCase("2\n9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08 -\nab")]
    [TestCase("2\nZZ86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08  -\nab")]
    public void An_answer_not_shaped_as_size_checksum_and_file_is_none(string output)
    {
        Assert.That(SmallFile.Read(Encoding.ASCII.GetBytes(output)), Is.Null);
    }
}
