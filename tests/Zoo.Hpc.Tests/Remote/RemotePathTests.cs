using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Tests.Remote;

public class RemotePathTests
{
    [TestCase("/home/zoo/data", "input_1.tif", "/home/zoo/data/input_1.tif")]
    [TestCase("/home/zoo/data/", "input_1.tif", "/home/zoo/data/input_1.tif")]
    [TestCase("/", "input_1.tif", "/input_1.tif")]
    [TestCase("data", "input_1.tif", "data/input_1.tif")]
    public void A_file_is_joined_to_its_directory_with_one_slash(string directory, string file, string expected)
    {
        Assert.That(RemotePath.Combine(directory, file), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("../etc/passwd")]
    [TestCase("sub/file")]
    [TestCase("a\0b")]
    public void A_name_that_would_leave_the_directory_is_refused(string file)
    {
        Assert.Throws<ArgumentException>(() => RemotePath.Combine("/home/zoo/data", file));
    }

    [Test]
    public void An_empty_directory_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RemotePath.Combine("", "file"));
    }
}
