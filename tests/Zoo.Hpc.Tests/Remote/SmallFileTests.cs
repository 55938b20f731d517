using System.Text;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Tests.Remote;

/// <summary>How the answer of the download command is read: a size line, then the file when it is small.</summary>
[TestFixture]
public sealed class SmallFileTests
{
    [Test]
    public void The_size_line_is_followed_by_the_file_bytes_as_they_are()
    {
        byte[] content = [0x49, 0x49, 0x2a, 0x00, (byte)'\n', 0xff, (byte)'\n'];

        var file = SmallFile.Read([.. "7\n"u8, .. content]);

        Assert.That((file!.Value.Size, file.Value.Content), Is.EqualTo((7L, content)));
    }

    [Test]
    public void A_file_too_large_to_come_this_way_is_only_its_size()
    {
        var file = SmallFile.Read("5242880\n"u8);

        Assert.That((file!.Value.Size, file.Value.Content.Length), Is.EqualTo((5242880L, 0)));
    }

    [Test]
    public void An_empty_file_is_size_zero_and_no_bytes()
    {
        var file = SmallFile.Read("0\n"u8);

        Assert.That((file!.Value.Size, file.Value.Content.Length), Is.EqualTo((0L, 0)));
    }

    [TestCase("")]
    [TestCase("12")]
    [TestCase("\n12")]
    [TestCase("twelve\nbytes")]
    [TestCase("-3\nabc")]
    [TestCase("1 2\nab")]
    public void An_answer_that_does_not_start_with_a_size_line_is_none(string output)
    {
        Assert.That(SmallFile.Read(Encoding.ASCII.GetBytes(output)), Is.Null);
    }
}
