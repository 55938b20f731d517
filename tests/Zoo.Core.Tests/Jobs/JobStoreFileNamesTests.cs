using Zoo.Core.Jobs;

namespace Zoo.Core.Tests.Jobs;

public class JobStoreFileNamesTests
{
    private const string Id = "0b8f7c5a-1d2e-11ef-9a3b-0242ac120002";

    [TestCase(".zoo-body-0123456789abcdef01234567")]
    [TestCase(".Service_0b8f7c5a-1d2e-11ef-9a3b-0242ac120002.xml.0011223344556677.tmp")]
    [TestCase(".htaccess")]
    [TestCase("sess_abcdef")]
    [TestCase("exec_status_0b8f7c5a")]
    [TestCase(Id + ".sid")]
    [TestCase(Id + ".pid")]
    [TestCase(Id + ".status")]
    [TestCase(Id + ".res")]
    [TestCase(Id + "_lenv.cfg")]
    [TestCase(Id + "_cache.list")]
    [TestCase("LongProcess_" + Id + "_error.log")]
    public void A_file_of_the_kernels_own_business_is_private(string name)
    {
        Assert.That(JobStore.IsKernelPrivate(name), Is.True);
    }

    [TestCase("ZOO_DATA_Result_" + Id + ".json")]
    [TestCase("Input_InputVector_" + Id + "_0.xml")]
    [TestCase("LongProcess_" + Id + ".xml")]
    [TestCase("Result_" + Id + ".tif")]
    [TestCase("session.txt")]
    [TestCase("a.sid.xml")]
    [TestCase("exec.log")]
    public void A_published_output_or_input_is_not_private(string name)
    {
        Assert.That(JobStore.IsKernelPrivate(name), Is.False);
    }

    [TestCase("output_BandMath_out_" + Id + ".tif")]
    [TestCase(Id + ".sid")]
    [TestCase("Input_InputVector_" + Id + "_0.xml")]
    public void A_name_holding_the_id_as_a_whole_part_is_a_file_of_the_job(string name)
    {
        Assert.That(JobStore.IsFileOf(name, Id), Is.True);
    }

    [TestCase("output_BandMath_out_" + Id + "0.tif")]
    [TestCase("output_BandMath_out_x" + Id + ".tif")]
    [TestCase("output_BandMath_out.tif")]
    public void A_name_holding_the_id_inside_a_longer_word_is_not_a_file_of_the_job(string name)
    {
        Assert.That(JobStore.IsFileOf(name, Id), Is.False);
    }

    [Test]
    public void An_input_file_is_named_after_its_input_job_and_occurrence()
    {
        Assert.That(JobStore.InputFileName("InputVector", Id, 1, "gml"), Is.EqualTo("Input_InputVector_" + Id + "_1.gml"));
    }

    [Test]
    public void The_status_document_is_named_after_its_service_and_job()
    {
        Assert.That(JobStore.ResponseFileName("LongProcess", Id), Is.EqualTo("LongProcess_" + Id + ".xml"));
    }
}
