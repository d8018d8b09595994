pragma circom 2.1.6;

include "../node_modules/circomlib/circuits/poseidon.circom";

// Computes the root of a binary Poseidon Merkle tree from a leaf and its path.
// pathIndices[i] is 0 when the running node is the left child at level i, 1 when it is the right one.
template MerkleRoot(depth) {
    signal input leaf;
    signal input pathElements[depth];
    signal input pathIndices[depth];
    signal output root;

    component hashers[depth];
    signal nodes[depth + 1];
    signal left[depth];
    nodes[0] <== leaf;
    for (var i = 0; i < depth; i++) {
        pathIndices[i] * (1 - pathIndices[i]) === 0;
        // left = index ? sibling : node; right = node + sibling - left
        left[i] <== nodes[i] + pathIndices[i] * (pathElements[i] - nodes[i]);
        hashers[i] = Poseidon(2);
        hashers[i].inputs[0] <== left[i];
        hashers[i].inputs[1] <== nodes[i] + pathElements[i] - left[i];
        nodes[i + 1] <== hashers[i].out;
    }
    root <== nodes[depth];
}

// "I know the secret behind one of the commitments under `root`", plus a nullifier that is the same every time
// the same member proves for the same (scope, purpose) and says nothing else about the member.
//   commitment = Poseidon(secret)                      (the leaf the member registered)
//   nullifier  = Poseidon(secret, scope, purpose)      (scope = the plan's address, purpose = e.g. 1 for a rating)
// signalHash binds the proof to one message (a rating and its review hash): change it and the proof fails.
// Public signals, in snarkjs order: [nullifier, root, scope, purpose, signalHash].
template Membership(depth) {
    signal input secret;
    signal input pathElements[depth];
    signal input pathIndices[depth];
    signal input root;
    signal input scope;
    signal input purpose;
    signal input signalHash;
    signal output nullifier;

    component commitment = Poseidon(1);
    commitment.inputs[0] <== secret;

    component tree = MerkleRoot(depth);
    tree.leaf <== commitment.out;
    for (var i = 0; i < depth; i++) {
        tree.pathElements[i] <== pathElements[i];
        tree.pathIndices[i] <== pathIndices[i];
    }
    root === tree.root;

    component nullifierHash = Poseidon(3);
    nullifierHash.inputs[0] <== secret;
    nullifierHash.inputs[1] <== scope;
    nullifierHash.inputs[2] <== purpose;
    nullifier <== nullifierHash.out;

    // Public inputs that no constraint uses could be dropped by an optimiser; squaring them keeps them in the system.
    signal signalSquare;
    signalSquare <== signalHash * signalHash;
    signal scopeSquare;
    scopeSquare <== scope * scope;
}

component main {public [root, scope, purpose, signalHash]} = Membership(16);
