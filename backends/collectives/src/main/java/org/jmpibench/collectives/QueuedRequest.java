package org.jmpibench.collectives;

import org.jmpibench.spi.Request;

/**
 * A backend's request as a {@link RequestQueue} holds it: the link to the next one, and the key a posted receive is
 * matched by (what identifies "this tag" in the backend's own tag space).
 */
public abstract class QueuedRequest implements Request {

    QueuedRequest next;
    /** Set by the backend when the request starts; equal keys match. */
    protected long matchKey;
}
