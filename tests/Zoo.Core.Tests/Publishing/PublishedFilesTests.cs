using Zoo.Core.Publishing;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Publishing;

/// <summary>PublishedFiles: ZOO's names of the files publication leaves.</summary>
public class PublishedFilesTests
{
    private static PublishedElement Element(string name = "out", int index = 0, string jobId = "7b1a-42") =>
        new(name, index, jobId, "/var/zoo/tmp/x.tif", "image/tiff", null, null);

    [Test]
    public void The_mapfile_is_named_name_index_usid_in_dataPath()
    {
        Assert.That(PublishedFiles.Mapfile("/var/zoo/data", Element()), Is.EqualTo("/var/zoo/data/out_0_7b1a-42.map"));
    }

    [Test]
    public void The_mapfile_of_another_index_has_it_in_its_name()
    {
        Assert.That(PublishedFiles.Mapfile("/var/zoo/data/", Element("wms_link", 3)), Is.EqualTo("/var/zoo/data/wms_link_3_7b1a-42.map"));
    }

    [Test]
    public void The_data_without_a_file_of_its_own_is_ZOO_DATA_index_name_usid()
    {
        Assert.That(PublishedFiles.DataFile("/var/zoo/data", "out", 0, "7b1a-42", "json"), Is.EqualTo("/var/zoo/data/ZOO_DATA_0_out_7b1a-42.json"));
    }

    [TestCase("/var/zoo/data/ZOO_DATA_0_out_u1.json", "/var/zoo/data/ZOO_DATA_0_out_u1.maps")]
    [TestCase("/var/zoo/tmp/output_S_out_u1.tar.gz", "/var/zoo/tmp/output_S_out_u1.tar.maps")]
    [TestCase("/var/zoo/tmp/noextension", "/var/zoo/tmp/noextension.maps")]
    [TestCase("/var/zoo/tmp/.hidden", "/var/zoo/tmp/.hidden.maps")]
    [TestCase("/var/zoo/v1.2/data", "/var/zoo/v1.2/data.maps")]
    public void The_list_of_mapfiles_is_the_datas_path_up_to_its_last_dot_then_maps(string data, string list)
    {
        Assert.That(PublishedFiles.MapList(data), Is.EqualTo(list));
    }

    [Test]
    public void The_files_of_a_job_are_those_whose_name_ends_with_its_usid()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "out_0_u1.map", "ZOO_DATA_0_out_u1.json", "ZOO_DATA_0_out_u1.maps", "out_0_u12.map", "out_0_xu1.map", "u1.map", "symbols.sym" })
            dir.Write(name, "");

        Assert.That(PublishedFiles.OfJob(dir.Path, "u1").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "ZOO_DATA_0_out_u1.json", "ZOO_DATA_0_out_u1.maps", "out_0_u1.map" }));
    }

    [Test]
    public void The_files_of_an_element_are_its_mapfiles_data_and_list_of_any_index()
    {
        using var dir = new TempDirectory();
        foreach (var name in new[] { "out_0_u1.map", "out_12_u1.map", "ZOO_DATA_0_out_u1.json", "ZOO_DATA_0_out_u1.maps", "out_x_u1.map",
                     "other_0_u1.map", "ZOO_DATA_0_other_u1.json", "out_0_u2.map", "my_out_0_u1.map" })
            dir.Write(name, "");

        Assert.That(PublishedFiles.OfElement(dir.Path, "out", "u1").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "ZOO_DATA_0_out_u1.json", "ZOO_DATA_0_out_u1.maps", "out_0_u1.map", "out_12_u1.map" }));
    }

    [Test]
    public void A_missing_dataPath_holds_no_file_of_the_job()
    {
        Assert.That(PublishedFiles.OfJob("/nonexistent/zoo/data", "u1"), Is.Empty);
    }
}
