using Zoo.Hpc.Utilities;

namespace Zoo.Hpc.Tests.Utilities;

/// <summary>Which values of DeployOnHpc's image input may reach the cluster: image references and .sif paths, and nothing a shell or singularity would read as more.</summary>
public class ContainerImageTests
{
    [TestCase("docker://mdl4eo/otbtf:4.1.0-cpu")]
    [TestCase("docker://ghcr.io/osgeo/gdal:ubuntu-small-3.8.0")]
    [TestCase("docker://registry.example.org:5000/team/app@sha256:0123456789abcdef")]
    [TestCase("docker://ubuntu")]
    [TestCase("oras://ghcr.io/org/image_tools:v1.2")]
    [TestCase("library://sylabsed/examples/lolcow:latest")]
    [TestCase("otbtf_4.1.0-cpu.sif")]
    [TestCase("/home/zoo/images/otbtf.sif")]
    [TestCase("images/app-1.sif")]
    public void An_image_reference_or_sif_path_is_accepted(string image)
    {
        Assert.That(ContainerImage.IsAcceptable(image), Is.True);
    }

    [TestCase("docker://ubuntu; rm -rf ~")]
    [TestCase("docker://ubuntu$(id)")]
    [TestCase("docker://`id`")]
    [TestCase("docker://ubuntu|cat")]
    [TestCase("docker://ubuntu&")]
    [TestCase("docker://ubuntu>/tmp/x")]
    [TestCase("docker://ubu*")]
    [TestCase("docker://ubuntu:${HOME}")]
    [TestCase("docker://it's")]
    [TestCase("docker://a\"b")]
    [TestCase("docker://ubuntu latest")]
    [TestCase("docker://ubuntu\tlatest")]
    [TestCase("docker://ubuntu\nid")]
    [TestCase("docker://ubuntu\\x")]
    [TestCase("docker://")]
    [TestCase("docker://-v")]
    [TestCase("docker://../ubuntu")]
    [TestCase("docker://ubuntu:é")]
    [TestCase("-v")]
    [TestCase("--help")]
    [TestCase("--dir=/tmp docker://ubuntu")]
    [TestCase("http://example.org/ubuntu.sif")]
    [TestCase("shub://vsoch/hello-world")]
    [TestCase("DOCKER://ubuntu")]
    [TestCase("ubuntu:latest")]
    [TestCase("../../etc/image.sif")]
    [TestCase("images/../x.sif")]
    [TestCase("x.sif;id")]
    [TestCase("~/x.sif")]
    [TestCase("$HOME/x.sif")]
    [TestCase("-x.sif")]
    [TestCase("dir/.sif")]
    [TestCase("x.sif:1")]
    [TestCase("image.tar")]
    [TestCase("x.sif.tar")]
    [TestCase("")]
    public void A_value_that_is_no_image_is_refused(string image)
    {
        Assert.That(ContainerImage.IsAcceptable(image), Is.False);
    }

    [Test]
    public void A_reference_longer_than_512_characters_is_refused()
    {
        Assert.That(ContainerImage.IsAcceptable("docker://" + new string('a', 504)), Is.False);
    }

    [Test]
    public void A_reference_of_512_characters_is_accepted()
    {
        Assert.That(ContainerImage.IsAcceptable("docker://" + new string('a', 503)), Is.True);
    }
}
