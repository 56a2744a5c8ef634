// The learners' questions, each a prepared experiment. A question is data —
// a link in the documented URL format and a few sentences on what to look
// at — so a new question is a new entry, not new code.

export interface Question {
  /** The `q` parameter of its link. */
  readonly id: string;
  /** The question in the learner's words. */
  readonly title: string;
  /** 2–4 sentences: what to look at, and why it answers the question. */
  readonly explanation: string;
  /** The experiment's query string, starting with '?', including q=<id>. */
  readonly link: string;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'new-epoch',
    title: 'Does a new epoch start over?',
    explanation:
      'Both runs see the same data in the same order. The ordinary run carries its weights from one epoch into the next, so its loss keeps falling. The other run does what the misconception says — every epoch restarts from new random weights — so it never gets better than one epoch of training. In the weight space the ordinary path is one unbroken line; the restarting one jumps at each epoch.',
    link: '?epochs=10&x=epochs&speed=60&runs=base,restart:1&q=new-epoch',
  },
  {
    id: 'steps-per-epoch',
    title: 'With N = 10,000 and B = 32, how many steps is an epoch?',
    explanation:
      'An epoch is one pass over the data in mini-batches: ⌈10,000 / 32⌉ = 313 gradient steps, 312 batches of 32 and a last batch of 16. With drop-last the 16 leftover examples are skipped and the epoch is ⌊10,000 / 32⌋ = 312 steps. Watch the status line’s batch counter and the epoch rules on the loss chart.',
    link: '?n=10000&b=32&epochs=3&speed=600&runs=base,drop:1&q=steps-per-epoch',
  },
  {
    id: 'fit-each-batch',
    title: 'What if I fit each batch to convergence before moving on?',
    explanation:
      'With k = 200 steps on each batch and no shuffling, every epoch ends at the weights that fit its last batch — the same point each time — so more epochs do not help and the full loss stays above what ordinary SGD (k = 1) reaches. With reshuffling, each epoch ends at the fit of a different last batch, so the epoch ends jump around instead of settling.',
    link: '?shuffle=none&k=200&epochs=6&x=epochs&speed=max&runs=base,k:1,shuffle:epoch&q=fit-each-batch',
  },
  {
    id: 'full-batch',
    title: 'With one batch of all the data, what does another epoch do?',
    explanation:
      'With b = n an epoch is a single step of full gradient descent, and every epoch sees exactly the same gradient for the same weights. Once the weights reach the minimum, the gradient is zero and further epochs change nothing: there is nothing to escape to. Mini-batches and reshuffling exist so that each step is cheap, not to escape a minimum of this convex bowl.',
    link: '?b=100&lr=0.3&epochs=40&x=epochs&q=full-batch',
  },
  {
    id: 'reshuffle',
    title: 'Do PyTorch and Keras reshuffle every epoch — and does it matter?',
    explanation:
      'PyTorch’s DataLoader(shuffle=True) and Keras’s fit(shuffle=True) draw a new order every epoch (shuffle=epoch here). The five curves use the same data, start and step size and differ only in the order of examples. On this small convex problem they all reach the same loss; the differences are the wiggles of mini-batch noise, not a better or worse minimum.',
    link: '?x=epochs&speed=60&runs=shuffle:none,shuffle:once,base,shuffle:batches,shuffle:replacement&q=reshuffle',
  },
  {
    id: 'local-minima',
    title: 'Does each epoch find a different local minimum?',
    explanation:
      'This model is a two-layer linear net, ŷ = w2·(w1·x): its loss has a saddle at the origin and a curved valley of equally good minima where w1·w2 equals the best slope. Runs from different starting points arrive at different points of the valley with the same loss. No run jumps from minimum to minimum between epochs: each path flows steadily down into the valley and stays there.',
    link: '?model=deep&speed=60&runs=w0:2.5_2.5,w0:-2.5_-2,w0:0.3_-2.5,w0:2.5_-0.5,base&q=local-minima',
  },
  {
    id: 'batch-size',
    title: 'Big batches or small?',
    explanation:
      'The three runs differ only in batch size: 1, 10 and 100, with the same learning rate. Per gradient step (x: steps) they fall at first at nearly the same rate — a step is a step — but the b = 1 curve is noisy and stalls at a higher noise floor, while b = 100 is smooth. Per epoch (x: epochs) the small batch is far ahead: it takes 100 steps per epoch where the big one takes 1. Per example seen the picture is the same as per epoch: on this problem, small batches make more progress for the same work.',
    link: '?speed=600&runs=b:1,base,b:100&q=batch-size',
  },
];

export function questionById(id: string | null): Question | null {
  return QUESTIONS.find((q) => q.id === id) ?? null;
}
