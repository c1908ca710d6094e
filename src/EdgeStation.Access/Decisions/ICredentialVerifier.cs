namespace EdgeStation.Access.Decisions;

/// <summary>
/// A second factor checked against the person a card or PIN named; the face gate implements it (人脸核验). It never
/// identifies anyone on its own: it is only asked "is this the person the card says". Null means no answer (no
/// camera, no consent on file, no face in view): the door then asks for the PIN instead, so card and PIN always work.
/// </summary>
public interface ICredentialVerifier
{
    bool? Verify(string personId, int door);
}
