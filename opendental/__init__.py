"""OpenDental's vocabulary, shared by the generators and the checks: the numbers and letters OpenDental stores
for statuses and modes (codes), and its definitions (DefNums) resolved by category and name (definitions).

It is neither plumbing (core/, which knows nothing of dentistry) nor a phase (generators/, which checks/ may
not import): it imports nothing of the project, so every layer may import it.
"""
